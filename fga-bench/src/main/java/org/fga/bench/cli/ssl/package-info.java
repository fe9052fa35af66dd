/** {@code fga bench ssl}: step time of LCR against its self-supervised base. */
package org.fga.bench.cli.ssl;
