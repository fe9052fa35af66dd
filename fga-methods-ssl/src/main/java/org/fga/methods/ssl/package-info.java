/** Common-Rationale self-supervised learning (LCR, CVPR 2023). */
package org.fga.methods.ssl;
