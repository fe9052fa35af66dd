/** {@code fga bench rfga}: step time of the RFGA module against its CAM network. */
package org.fga.bench.cli.rfga;
