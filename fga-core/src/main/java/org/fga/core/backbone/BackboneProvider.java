package org.fga.core.backbone;

import org.fga.core.naming.Named;

/** A backbone plugin: builds one architecture from a spec. */
public interface BackboneProvider extends Named {
  Backbone create(BackboneSpec spec);

  /**
   * Whether the architecture has a stem that ends with a max-pool, so that {@code backbone.stemPool:
   * false} means something to it; a spec that sets it for another architecture is refused ({@link
   * BackboneSpec#requireUsableBy}) rather than silently run as if it had not.
   */
  default boolean takesStemPool() {
    return false;
  }
}
