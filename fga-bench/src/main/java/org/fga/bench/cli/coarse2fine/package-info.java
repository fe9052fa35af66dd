/** {@code fga bench coarse2fine}: step time of Coarse2Fine's two stages against the baseline. */
package org.fga.bench.cli.coarse2fine;
