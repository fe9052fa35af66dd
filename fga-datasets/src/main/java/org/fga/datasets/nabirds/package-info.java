/** NABirds (North American Birds, 555 visual categories) in its released layout. */
package org.fga.datasets.nabirds;
