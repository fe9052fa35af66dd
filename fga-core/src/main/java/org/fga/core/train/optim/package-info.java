/** Optimisers with PyTorch's update rules, per-group learning rates and checkpointable state. */
package org.fga.core.train.optim;
