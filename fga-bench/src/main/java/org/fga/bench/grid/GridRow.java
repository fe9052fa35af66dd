package org.fga.bench.grid;

import java.util.List;
import org.fga.core.spec.PaperRef;

/**
 * One spec of a grid: its per-seed values for each metric.
 *
 * @param name the spec's name
 * @param method the method's registered name
 * @param values metric index → one value per seed
 * @param paper the published number, if the spec names one
 */
public record GridRow(String name, String method, List<double[]> values, PaperRef paper) {}
