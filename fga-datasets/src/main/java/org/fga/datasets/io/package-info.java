/** Image files: decoding to and encoding from the core's float images and masks. */
package org.fga.datasets.io;
