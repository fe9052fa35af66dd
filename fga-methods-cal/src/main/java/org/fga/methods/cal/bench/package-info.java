/** {@code fga bench cal}: the step time of the method against its reference, through the fga trainer. */
package org.fga.methods.cal.bench;
