/** Stanford Cars and Stanford Dogs, whose annotations ship as MATLAB files. */
package org.fga.datasets.stanford;
