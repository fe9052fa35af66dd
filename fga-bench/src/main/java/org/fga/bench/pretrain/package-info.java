/**
 * The evidence regime's pretrained start: a fine-tune spec names a pretraining spec as its
 * backbone weights ({@code pretrain:<file>}); the first run that needs it trains it once and exports
 * its backbone as {@code .safetensors}, later runs reuse the file.
 */
package org.fga.bench.pretrain;
