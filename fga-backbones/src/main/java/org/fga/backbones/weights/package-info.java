/** Tensor files with PyTorch state-dict names: safetensors, npz and npy readers and writers. */
package org.fga.backbones.weights;
