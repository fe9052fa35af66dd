/** Experiment files: records read from YAML or JSON, strict about unknown keys and types. */
package org.fga.core.spec;
