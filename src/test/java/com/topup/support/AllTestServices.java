package com.topup.support;

import com.topup.devenv.TestServices;
import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest shares one set of real services and one application boot. */
@QuarkusTestResource(value = TestServices.class, restrictToAnnotatedClass = false)
public final class AllTestServices {

    private AllTestServices() {
    }
}
