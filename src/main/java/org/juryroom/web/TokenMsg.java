package org.juryroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of one's own account page and its personal API tokens ({@link TokenPages}). Templates use
 * {@code tok:key}; English in {@code messages/tok_en.properties}, Hindi and Bengali beside it.
 */
@MessageBundle(value = "tok", locale = "en")
public interface TokenMsg {

    @Message
    String tok_account_title();

    @Message
    String tok_account_sub(String username);

    @Message
    String tok_tokens();

    @Message
    String tok_tokens_lede();

    @Message
    String tok_token_name();

    @Message
    String tok_token_expires();

    @Message
    String tok_token_create();

    @Message
    String tok_token_created();

    @Message
    String tok_token_none();

    @Message
    String tok_token_created_at();

    @Message
    String tok_token_last_used();

    @Message
    String tok_token_never();

    @Message
    String tok_token_state();

    @Message
    String tok_token_active();

    @Message
    String tok_token_revoked();

    @Message
    String tok_token_expired();

    @Message
    String tok_token_revoke();

    @Message
    String tok_token_revoked_msg();

    @Message
    String tok_token_revoke_text(String name);

    @Message
    String tok_token_revoke_yes();
}
