package org.fga.core.data;

import java.util.List;

/**
 * What a method needs to know about the data to build its head.
 *
 * @param name the dataset's registered name
 * @param task what the labels mean
 * @param numClasses classes (or training identities for re-ID)
 * @param classNames one name per class, in index order
 */
public record DatasetInfo(String name, Task task, int numClasses, List<String> classNames) {}
