package com.topup.admin;

/** The realm roles of CONTRACT §3. */
public final class StaffRoles {

    public static final String RULE_AUTHOR = "rule-author";
    public static final String RULE_APPROVER = "rule-approver";
    public static final String OPERATOR = "operator";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    private StaffRoles() {
    }
}
