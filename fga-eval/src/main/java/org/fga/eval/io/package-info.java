/** Readers for saved outputs of any framework: {@code .npy}, {@code .csv}, PNG label masks, box lists. */
package org.fga.eval.io;
