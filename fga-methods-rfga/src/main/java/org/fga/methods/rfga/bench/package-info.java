/** {@code fga bench rfga}: the step time of the method against its reference, through the fga trainer. */
package org.fga.methods.rfga.bench;
