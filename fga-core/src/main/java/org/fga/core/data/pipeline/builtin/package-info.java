/**
 * Registration of the built-in pipeline steps: kept apart from the steps themselves so that the
 * steps do not depend on the plugin bootstrap, which depends on the step contract.
 */
package org.fga.core.data.pipeline.builtin;
