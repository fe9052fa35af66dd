/** The dataset contract: samples with their annotations, splits, and the plugins that read them. */
package org.fga.core.data;
