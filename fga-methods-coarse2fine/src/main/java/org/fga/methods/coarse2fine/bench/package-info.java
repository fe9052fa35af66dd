/** {@code fga bench coarse2fine}: the step time of the method against its reference, through the fga trainer. */
package org.fga.methods.coarse2fine.bench;
