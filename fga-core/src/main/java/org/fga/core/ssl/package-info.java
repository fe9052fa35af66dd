/**
 * What self-supervised methods share: the EMA target network update ({@link
 * org.fga.core.ssl.Ema}), the queue of negative keys ({@link org.fga.core.ssl.KeyQueue}) and the
 * two SSL losses ({@link org.fga.core.ssl.SslLosses}). The two-view batches come from {@code
 * pipeline.views} ({@link org.fga.core.method.Batch#view}); LARS is {@link
 * org.fga.core.train.optim.Lars}; the loss Grad-CAM is {@link org.fga.core.nn.LossGradCam}.
 */
package org.fga.core.ssl;
