/** {@code fga eval <metric>}: score saved outputs (.npy/.csv/PNG/JSON) with the published protocols. */
package org.fga.bench.cli.eval;
