package dev.unwind.transport.ssh;

import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UserInfo;

/**
 * Gives the login password to JSch for the {@code password} method and to a single hidden
 * keyboard-interactive prompt; never asks a human and never accepts anything else.
 */
final class PasswordAnswer implements UserInfo, UIKeyboardInteractive {
    private final String password;

    PasswordAnswer(String password) {
        this.password = password;
    }

    @Override
    public String getPassphrase() {
        return null;
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public boolean promptPassword(String message) {
        return password != null;
    }

    @Override
    public boolean promptPassphrase(String message) {
        return false;
    }

    @Override
    public boolean promptYesNo(String message) {
        return false;
    }

    @Override
    public void showMessage(String message) {
    }

    @Override
    public String[] promptKeyboardInteractive(String destination, String name, String instruction, String[] prompt,
                                              boolean[] echo) {
        if (password == null || prompt.length != 1 || echo[0]) {
            return null;
        }
        return new String[] {password};
    }

    @Override
    public String toString() {
        return "PasswordAnswer[********]";
    }
}
