package org.fusemath.api.spi;

/** Whether a backend can run here, and if not, why and what to do about it. */
public record Availability(boolean usable, String reason, String remedy) {
    /** A usable backend. */
    public static Availability ok() {
        return new Availability(true, "", "");
    }

    /** An unusable backend with its reason and remedy. */
    public static Availability unusable(String reason, String remedy) {
        return new Availability(false, reason, remedy);
    }

    @Override
    public String toString() {
        return usable ? "usable" : "unusable: " + reason + (remedy.isEmpty() ? "" : " (" + remedy + ")");
    }
}
