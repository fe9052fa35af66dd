/** {@code fga bench cal}: the CAL training step against the baseline step. */
package org.fga.bench.cli.cal;
