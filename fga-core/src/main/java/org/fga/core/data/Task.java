package org.fga.core.data;

/** What the labels of a dataset mean. */
public enum Task {
  CLASSIFICATION,
  MULTILABEL,
  REID,
  SEGMENTATION
}
