package org.fga.core.method;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The {@code method:} block of an experiment file. Each method plugin contributes a record with
 * {@code @JsonTypeName}; the {@code type} key selects it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface MethodConfig {}
