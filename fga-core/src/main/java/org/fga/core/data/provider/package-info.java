/**
 * The dataset plugin contract: a dataset's config record ({@link org.fga.core.data.provider.DataConfig},
 * which also names the dataset's default pipeline) and the provider that opens its splits. Above
 * the sample types ({@code org.fga.core.data}) and the pipeline, so neither depends on it.
 */
package org.fga.core.data.provider;
