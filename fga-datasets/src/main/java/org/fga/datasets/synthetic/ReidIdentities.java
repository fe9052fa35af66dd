package org.fga.datasets.synthetic;

/**
 * Which creature each re-ID identity is.
 *
 * <p>With {@code data.bodyColours} = k &gt; 0 (the default), identities look alike on purpose, as
 * people in a re-ID set often wear similar clothes: every body has one of k shared {@link
 * BodyPalette} colours and proportions from narrow ranges, and an identity is told apart by its
 * <em>look</em>, the combination (body colour, wing-patch style, {@link Marking}). Looks are dealt
 * out without repetition (a seeded shuffle of all k x numClasses x {@link Marking#COUNT} of them),
 * so as long as there are at most that many identities, any two differ in at least one visible
 * detail; beyond it looks repeat and only the slight proportion differences remain.
 *
 * <p>With k = 0 an identity is the creature of the generator before looks existed: a random
 * continuous body hue and freely varying proportions, which make identities easy to tell apart by
 * global colour alone. Those renders are unchanged.
 */
final class ReidIdentities {
  private static final long STREAM_IDENTITY = 100;
  private static final long STREAM_LOOKS = 102;

  private final SyntheticConfig config;

  /** The look of identity i (1-based) is {@code looks[(i - 1) % looks.length]}. */
  private final int[] looks;

  ReidIdentities(SyntheticConfig config) {
    this.config = config;
    this.looks = config.bodyColours() == 0 ? new int[0] : shuffledLooks(config);
  }

  /** An identity: its creature, its wing-patch class and its length as a fraction of the image. */
  record Identity(Creature creature, int partClass, float length) {}

  Identity of(int identity) {
    Rng rng = new Rng(Rng.seedOf(config.seed(), STREAM_IDENTITY, identity));
    return config.bodyColours() == 0 ? continuousHue(rng) : lookAlike(identity, rng);
  }

  /** The old identity: draws exactly what the generator drew before looks existed. */
  private Identity continuousHue(Rng rng) {
    int cls = rng.nextInt(config.numClasses());
    Creature creature = Creature.random(PartStyle.ofClass(cls), rng);
    return new Identity(creature, cls, rng.uniform(0.40f, 0.52f));
  }

  private Identity lookAlike(int identity, Rng rng) {
    int k = config.bodyColours();
    int look = looks[(identity - 1) % looks.length];
    int colour = look % k;
    int cls = (look / k) % config.numClasses();
    int marking = look / (k * config.numClasses());
    // narrow ranges (the old ones were 0.50-0.66, 0.6-1.2, 0.15-0.20, 0.40-0.52): slight
    // differences that help a little but cannot carry the identity on their own
    Creature creature =
        new Creature(
            PartStyle.ofClass(cls),
            BodyPalette.colour(colour),
            rng.uniform(0.56f, 0.61f),
            rng.uniform(0.80f, 1.00f),
            rng.uniform(0.165f, 0.185f),
            Marking.ofIndex(marking));
    return new Identity(creature, cls, rng.uniform(0.44f, 0.48f));
  }

  /** Every look index once, in an order fixed by the seed (Fisher-Yates). */
  private static int[] shuffledLooks(SyntheticConfig config) {
    int count = config.bodyColours() * config.numClasses() * Marking.COUNT;
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = i;
    }
    Rng rng = new Rng(Rng.seedOf(config.seed(), STREAM_LOOKS, 0));
    for (int i = count - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }
}
