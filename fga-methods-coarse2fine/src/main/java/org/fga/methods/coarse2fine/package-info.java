/** Coarse2Fine: two-stage attention with an inverse mapping to the input. */
package org.fga.methods.coarse2fine;
