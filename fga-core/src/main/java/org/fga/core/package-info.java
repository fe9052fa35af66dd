/** The fga core: plugin contracts, bootstrap, experiment spec, trainer and run directory. */
package org.fga.core;
