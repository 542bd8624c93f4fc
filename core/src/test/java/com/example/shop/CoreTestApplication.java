package com.example.shop;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The configuration that core's slice tests start from; core itself has no application.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class CoreTestApplication {

}
