/** Single-label top-k and mean-class accuracy; multi-label average precision (sklearn and VOC07). */
package org.fga.eval.classification;
