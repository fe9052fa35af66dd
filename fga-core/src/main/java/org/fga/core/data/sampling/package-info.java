/** Orders in which the loader visits a dataset, e.g. P identities × K images for re-ID. */
package org.fga.core.data.sampling;
