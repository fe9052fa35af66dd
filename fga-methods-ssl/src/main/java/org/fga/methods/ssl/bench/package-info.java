/** {@code fga bench ssl}: the step time of LCR against its self-supervised base, through the fga trainer. */
package org.fga.methods.ssl.bench;
