/** FGVC-Aircraft 2013b at its variant, family or manufacturer level. */
package org.fga.datasets.aircraft;
