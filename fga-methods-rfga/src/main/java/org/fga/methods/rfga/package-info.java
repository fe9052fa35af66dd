/** RFGA: residual fine-grained attention for weakly supervised localisation. */
package org.fga.methods.rfga;
