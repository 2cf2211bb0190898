package io.jifen.cli;

/** Rule versions named on the command line: a number, or {@code active} for the live one. */
final class Versions {
    private Versions() {
    }

    static int number(Service service, String version) {
        if (version.equals("active")) {
            return service.get(service.merchantPath("/rule-versions/active")).path("number").asInt();
        }
        try {
            int n = Integer.parseInt(version);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw Failure.usage("a version is a number from 1, or `active`: not " + version);
        }
    }
}
