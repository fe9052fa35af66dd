/** The {@code pipeline:} block of an experiment file: step plugins, sizes, and the check that every batch gets one image size. */
package org.fga.core.data.pipeline;
