/** {@code fga bench gain}: the step time of the method against its reference, through the fga trainer. */
package org.fga.methods.gain.bench;
