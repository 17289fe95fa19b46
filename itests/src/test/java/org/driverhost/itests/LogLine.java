package org.driverhost.itests;

/**
 * One line of a driver's recent log as the tests see it, so that test classes name no DriverHost type.
 *
 * @param level DEBUG, INFO, WARN or ERROR
 * @param message the text of the line
 */
record LogLine(String level, String message) {
}
