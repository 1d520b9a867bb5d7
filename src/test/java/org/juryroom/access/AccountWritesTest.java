package org.juryroom.access;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Which statements move the accounts' generation (AccountWrites), and what Remembered gives back. Pure. */
class AccountWritesTest {

    @Test
    void writesOfAccountsAndTokensCountButATokensLastUseDoesNot() {
        assertThat(AccountWrites.changesAccounts("update app_user set password_hash=? where id=?")).isTrue();
        assertThat(AccountWrites.changesAccounts("update app_user set language=? where username=?")).isTrue();
        assertThat(AccountWrites.changesAccounts("insert into app_user (created_at,deactivated_at) values (?,?)")).isTrue();
        assertThat(AccountWrites.changesAccounts("delete from api_token where id=?")).isTrue();
        assertThat(AccountWrites.changesAccounts("update api_token set revoked_at = now()"
                + " where user_id = ? and revoked_at is null")).isTrue();
        assertThat(AccountWrites.changesAccounts("\n  UPDATE API_TOKEN SET revoked_at=? WHERE id=?")).isTrue();
        assertThat(AccountWrites.changesAccounts("update api_token set last_used_at=? where id=?")).isFalse();
        assertThat(AccountWrites.changesAccounts("update api_token set last_used_at = ? where id = ?")).isFalse();
        assertThat(AccountWrites.changesAccounts("update api_token a1_0 set last_used_at=? where a1_0.id=?")).isFalse();
        assertThat(AccountWrites.changesAccounts("update api_token set last_used_at=?, revoked_at=? where id=?"))
                .isTrue();
        assertThat(AccountWrites.changesAccounts("select t1_0.id from api_token t1_0 join app_user u1_0 on 1=1"))
                .isFalse();
        assertThat(AccountWrites.changesAccounts("update scorecard set updated_at=? where id=?")).isFalse();
        assertThat(AccountWrites.changesAccounts("update app_user_note set x=1")).isFalse();
        assertThat(AccountWrites.changesAccounts("insert into audit_event (after_value) values ('update app_user')"))
                .isFalse();
    }

    @Test
    void aValueIsGivenBackOnlyWhileItsGenerationHoldsAndTheListenerIsHealthy() {
        AtomicLong generation = new AtomicLong(7);
        AtomicBoolean healthy = new AtomicBoolean(true);
        Remembered<String, String> memory = new Remembered<>(generation::get, healthy::get, 2);

        long read = memory.generation();
        memory.put("a", read, "A");
        assertThat(memory.get("a")).isEqualTo("A");
        generation.incrementAndGet();
        assertThat(memory.get("a")).as("a change since it was read").isNull();

        long before = memory.generation();
        generation.incrementAndGet(); // a change between the generation's read and the value's
        memory.put("b", before, "B");
        assertThat(memory.get("b")).isNull();

        memory.put("c", memory.generation(), "C");
        healthy.set(false);
        assertThat(memory.get("c")).as("changes may go unheard").isNull();
        memory.put("d", memory.generation(), "D");
        healthy.set(true);
        assertThat(memory.get("d")).isNull();

        memory.put("e", memory.generation(), "E");
        memory.put("f", memory.generation(), "F");
        memory.put("g", memory.generation(), "G");
        assertThat(memory.size()).isLessThanOrEqualTo(2);
        assertThat(memory.get("g")).isEqualTo("G");
    }
}
