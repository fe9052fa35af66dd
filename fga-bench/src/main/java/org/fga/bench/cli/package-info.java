/** The {@code fga} command: one class per subcommand, JSON on stdout, humans on stderr. */
package org.fga.bench.cli;
