package com.topup.support;

import com.topup.devenv.TestServices;
import com.topup.instruction.model.LocalChatModel;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every @QuarkusTest shares one set of real services and one application boot. The instruction model is a local
 * chat-completions endpoint (no model ships with the product).
 */
@QuarkusTestResource(value = TestServices.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalChatModel.class, restrictToAnnotatedClass = false)
public final class AllTestServices {

    private AllTestServices() {
    }
}
