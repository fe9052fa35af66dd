/** The run directory: resolved spec, logs, checkpoints, metrics, pictures. */
package org.fga.core.run;
