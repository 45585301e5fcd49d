package io.approvals.console.ui.main;

import io.approvals.console.contract.ApprovalStatus;
import java.util.List;

/** What the main window asks of the app around it: dialogs and connection changes. */
public interface MainActions {
    void newApproval();

    /** One row: the decision dialog; several: the bulk dialog. */
    void decide(List<ApprovalRow> rows, ApprovalStatus decision);

    void replaceKey();

    /** The key window of the current connection (ui.keys). */
    void keyPanel();

    /** The admin window (ui.keys), for a key with admin. */
    void keyAdmin();

    void settings();

    /** A failure's details (request id, traceId…) for support, from the banner's Details. */
    void failureDetails(String details);

    void about();

    /** Names for the connection menu. */
    List<String> connections();

    void switchTo(String connection);

    /** Opens the welcome screen to add another connection. */
    void addConnection();

    void quit();
}
