package com.example.hublinks.roster;

import java.util.SplittableRandom;

/**
 * Which of the generated phone numbers come out unusable, and how, as real HR data has them: too
 * few digits, a letter for a digit, a desk extension alone, a placeholder. Drawn from a random
 * stream of its own, and only when the share is not 0, so that every other cell is the same as
 * without them.
 */
record BadPhones(double share, SplittableRandom random) {

    private static final String[] PLACEHOLDERS = {"n/a", "TBC", "unknown", "0000"};

    /** The share as given, when it is one (0 to 1). */
    static double checkShare(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("badPhones must be between 0 and 1");
        }
        return share;
    }

    /** Maybe turns the valid number written from {@code start} into one no phone library accepts. */
    void spoil(StringBuilder line, int start, boolean british) {
        if (share == 0 || random.nextDouble() >= share) {
            return;
        }
        switch (random.nextInt(4)) {
            case 0 -> line.setLength(line.length() - (british ? 2 : 1)); // too few digits: 07958 1234
            case 1 -> line.setCharAt(line.length() - 2, 'O'); // a letter O for a nought: 07958 1234O6
            case 2 -> { // the desk extension alone: x4471, ext. 4471
                line.setLength(start);
                line.append(random.nextBoolean() ? "x" : "ext. ").append(1000 + random.nextInt(9000));
            }
            default -> {
                line.setLength(start);
                line.append(PLACEHOLDERS[random.nextInt(PLACEHOLDERS.length)]);
            }
        }
    }
}
