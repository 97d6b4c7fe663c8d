import type { RuleSetObject } from "@smithy/core/endpoints"

/**
 * MWAA Serverless's endpoint rule set, copied unchanged from the model's smithy.rules#endpointRuleSet
 * (aws/aws-sdk-js-v3 codegen/sdk-codegen/aws-models/mwaa-serverless.json at
 * 53dbffc32701def1d92fe799e3e4ac918e1ee68e; copy in test/fixtures/mwaa-serverless). The service is
 * dual-stack only: there is no UseDualStack parameter, and every regional endpoint is on api.aws (or
 * the partition's dual-stack domain). Read by the same @smithy/core resolver as MWAA's rule set.
 */
export const ruleSet: RuleSetObject = {
  version: "1.0",
  parameters: {
    UseFIPS: {
      builtIn: "AWS::UseFIPS",
      required: true,
      default: false,
      documentation:
        "When true, send this request to the FIPS-compliant regional endpoint. If the configured endpoint does not have a FIPS compliant endpoint, dispatching the request will return an error.",
      type: "boolean"
    },
    Endpoint: {
      builtIn: "SDK::Endpoint",
      required: false,
      documentation: "Override the endpoint used to send this request",
      type: "string"
    },
    Region: {
      builtIn: "AWS::Region",
      required: false,
      documentation: "The AWS region used to dispatch the request.",
      type: "string"
    }
  },
  rules: [
    {
      conditions: [
        {
          fn: "isSet",
          argv: [
            {
              ref: "Endpoint"
            }
          ]
        }
      ],
      rules: [
        {
          conditions: [
            {
              fn: "booleanEquals",
              argv: [
                {
                  ref: "UseFIPS"
                },
                true
              ]
            }
          ],
          error: "Invalid Configuration: FIPS and custom endpoint are not supported",
          type: "error"
        },
        {
          conditions: [],
          endpoint: {
            url: {
              ref: "Endpoint"
            },
            properties: {},
            headers: {}
          },
          type: "endpoint"
        }
      ],
      type: "tree"
    },
    {
      conditions: [],
      rules: [
        {
          conditions: [
            {
              fn: "isSet",
              argv: [
                {
                  ref: "Region"
                }
              ]
            }
          ],
          rules: [
            {
              conditions: [
                {
                  fn: "aws.partition",
                  argv: [
                    {
                      ref: "Region"
                    }
                  ],
                  assign: "PartitionResult"
                }
              ],
              rules: [
                {
                  conditions: [
                    {
                      fn: "booleanEquals",
                      argv: [
                        {
                          ref: "UseFIPS"
                        },
                        true
                      ]
                    }
                  ],
                  endpoint: {
                    url: "https://airflow-serverless-fips.{Region}.{PartitionResult#dualStackDnsSuffix}",
                    properties: {},
                    headers: {}
                  },
                  type: "endpoint"
                },
                {
                  conditions: [],
                  endpoint: {
                    url: "https://airflow-serverless.{Region}.{PartitionResult#dualStackDnsSuffix}",
                    properties: {},
                    headers: {}
                  },
                  type: "endpoint"
                }
              ],
              type: "tree"
            }
          ],
          type: "tree"
        },
        {
          conditions: [],
          error: "Invalid Configuration: Missing Region",
          type: "error"
        }
      ],
      type: "tree"
    }
  ]
}
