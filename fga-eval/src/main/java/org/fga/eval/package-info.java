/** Metrics of the published protocols, scoring saved outputs of any framework. */
package org.fga.eval;
