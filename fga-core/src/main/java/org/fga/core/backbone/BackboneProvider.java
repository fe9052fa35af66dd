package org.fga.core.backbone;

import org.fga.core.naming.Named;

/** A backbone plugin: builds one architecture from a spec. */
public interface BackboneProvider extends Named {
  Backbone create(BackboneSpec spec);
}
