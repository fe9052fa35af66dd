/** The built-in data pipeline steps, one config record each, registered by {@link org.fga.core.data.pipeline.builtin.StepsModule}. */
package org.fga.core.data.pipeline.steps;
